BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'ConvertFrom-OrcTaskResult' {
    It 'decodes <Code> as <Name>' -TestCases @(
        @{ Code = 0; Name = 'Success'; Hex = '0x0' }
        @{ Code = 267011; Name = 'NeverRun'; Hex = '0x41303' }
        @{ Code = 267009; Name = 'Running'; Hex = '0x41301' }
        @{ Code = 267014; Name = 'Terminated'; Hex = '0x41306' }
        @{ Code = 1; Name = 'CommandFailed'; Hex = '0x1' }
        @{ Code = 5; Name = 'Timeout'; Hex = '0x5' }
        @{ Code = 6; Name = 'DependencyUnmet'; Hex = '0x6' }
        @{ Code = 130; Name = 'Interrupted'; Hex = '0x82' }
        @{ Code = -2147024894; Name = 'FileNotFound'; Hex = '0x80070002' }
        @{ Code = 2147750687; Name = 'AlreadyRunning'; Hex = '0x8004131F' }
        @{ Code = -2147216615; Name = 'HResult'; Hex = '0x80041319' }
    ) {
        $decoded = InModuleScope Orchestrator -Parameters @{ Code = $Code } { param($Code) ConvertFrom-OrcTaskResult -Code $Code }
        $decoded.Name | Should -Be $Name
        $decoded.Hex | Should -Be $Hex
    }

    It 'marks SCHED_S states as status, not outcome' {
        $decoded = InModuleScope Orchestrator { ConvertFrom-OrcTaskResult -Code 0x41303 }
        $decoded.IsStatus | Should -BeTrue
        $decoded.Succeeded | Should -BeFalse
    }

    It 'counts only 0 as success' {
        (InModuleScope Orchestrator { ConvertFrom-OrcTaskResult -Code 0 }).Succeeded | Should -BeTrue
        (InModuleScope Orchestrator { ConvertFrom-OrcTaskResult -Code 7 }).Succeeded | Should -BeFalse
    }
}
