/**
 * Import an existing action plan from a council's spreadsheet (issue #16, part 3): its own screen,
 * reached from Action plans and loaded only when opened (a lazy route in app/routes.tsx). A
 * read-only workbook says why nothing can be imported into it.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { RouteLink } from '../../app/router';
import { useWorkbook } from '../../app/workbook-context';
import { Page } from '../../components/page';
import { PlanSheetWizard } from './plan-sheet-wizard';

export default function PlanSheetImportScreen() {
  const { readOnly } = useWorkbook();
  return (
    <Page
      title="Import a plan from a spreadsheet"
      subtitle="Bring in the action plan your partnership already keeps in Excel or as a CSV file. You check everything before anything is saved."
      crumbs={[{ label: 'Action plans', to: '/plans' }]}
    >
      {readOnly ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This workbook cannot take an imported plan</MessageBarTitle>
            It is open read-only, so nothing can be added to it: importing creates a plan with its priorities, actions, milestones, people and partners. Open a copy you can edit,
            then import the spreadsheet there. <RouteLink to="/plans">Back to Action plans</RouteLink>.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <PlanSheetWizard />
      )}
    </Page>
  );
}
